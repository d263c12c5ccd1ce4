package io.ocpi.adapter.ocpi;

/** Role enum of types.asciidoc: the market role a party plays. */
public enum Role {
    CPO, EMSP, HUB, NAP, NSP, OTHER, SCSP
}

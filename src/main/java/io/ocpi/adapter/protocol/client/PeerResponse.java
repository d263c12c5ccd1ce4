package io.ocpi.adapter.protocol.client;

import java.net.http.HttpHeaders;

/** A successful answer of a peer: its data, with the HTTP status and headers (pagination, Location) around it. */
public record PeerResponse<T>(int httpStatus, HttpHeaders headers, T data, int statusCode) {
}

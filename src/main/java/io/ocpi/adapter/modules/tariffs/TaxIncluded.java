package io.ocpi.adapter.modules.tariffs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TaxIncluded enum of 2.3.0: whether the prices of a tariff include taxes. */
public enum TaxIncluded {
    YES, NO, @JsonProperty("N/A") N_A
}

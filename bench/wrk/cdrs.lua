-- Scenario 3: a CPO posts CDRs for our customers, each with an id of its own (thread number and sequence), to be
-- stored, billed, written to SAP as an IDoc file and published on Kafka.
dofile("bench/wrk/report.lua")
local auth = "Token " .. os.getenv("BENCH_TOKEN")
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

init = function() sequence = 0 end

local template = [[{"country_code":"NL","party_id":"BCP","id":"%s","start_date_time":"2025-01-01T10:00:00Z",
"end_date_time":"2025-01-01T11:00:00Z","cdr_token":{"country_code":"NL","party_id":"UMS","uid":"B0000001","type":"RFID",
"contract_id":"NL-UMS-B0000001"},"auth_method":"WHITELIST","cdr_location":{"id":"BENCH-LOC","address":"Stationsplein 1",
"city":"Utrecht","country":"NLD","coordinates":{"latitude":"52.089444","longitude":"5.110278"},"evse_uid":"EVSE1",
"evse_id":"NL*BCP*E1","connector_id":"1","connector_standard":"IEC_62196_T2","connector_format":"SOCKET",
"connector_power_type":"AC_3_PHASE"},"currency":"EUR","charging_periods":[{"start_date_time":"2025-01-01T10:00:00Z",
"dimensions":[{"type":"ENERGY","volume":10}]}],"total_cost":{"excl_vat":2.5},"total_energy":10,"total_time":1,
"last_updated":"2025-01-01T11:05:00Z"}]]

request = function()
  sequence = sequence + 1
  local id = string.format("BENCH-%d-%d", tid, sequence)
  return wrk.format("POST", "/ocpi/emsp/2.2.1/cdrs",
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, string.format(template, id))
end

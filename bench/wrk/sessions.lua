-- Soak traffic: a CPO pushes its charging sessions for our customers to our eMSP receiver, each session PUT a few
-- times as it progresses (kWh growing), then on to the next. BENCH_RATE paces it (see report.lua).
dofile("bench/wrk/report.lua")
local auth = "Token " .. os.getenv("BENCH_TOKEN")
local threads = 0
-- BENCH_RUN: a prefix of the session ids, so that each run PUTs new sessions.
local run = os.getenv("BENCH_RUN") or ""

setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

init = function() sequence = 0 end

local template = [[{"country_code":"NL","party_id":"BCP","id":"%s","start_date_time":"2025-01-01T10:00:00Z",
"kwh":%d,"cdr_token":{"country_code":"NL","party_id":"UMS","uid":"B0000001","type":"RFID","contract_id":"NL-UMS-B0000001"},
"auth_method":"WHITELIST","location_id":"BENCH-LOC","evse_uid":"EVSE1","connector_id":"1","currency":"EUR",
"status":"ACTIVE","last_updated":"2025-01-01T10:%02d:00Z"}]]

request = function()
  sequence = sequence + 1
  local session = math.floor(sequence / 5)
  local step = sequence % 5
  local id = string.format("SOAK-%s%d-%d", run, tid, session)
  return wrk.format("PUT", "/ocpi/emsp/2.2.1/sessions/NL/BCP/" .. id,
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, string.format(template, id, step * 2, step * 10))
end

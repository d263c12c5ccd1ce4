-- Scenario 2: CPOs ask for real-time authorization of our cards: 1,000,000 contracts in billing, each with a card
-- B0000000..B0999999 (every 10th contract blocked, every 20th over its credit limit); one request in ten for a card
-- we do not know. BENCH_RATE paces it (see report.lua).
dofile("bench/wrk/report.lua")
local auth = "Token " .. os.getenv("BENCH_TOKEN")
local body = '{"location_id":"BENCH-LOC"}'

setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function() math.randomseed(seed) end

request = function()
  local n = math.random(0, 999999)
  local uid = (math.random() < 0.1) and string.format("X%07d", n) or string.format("B%07d", n)
  return wrk.format("POST", "/ocpi/emsp/2.2.1/tokens/" .. uid .. "/authorize",
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
end

-- A peer GETs one of our 10,000 locations at a time (bench/versus).
dofile("bench/wrk/report.lua")
local auth = "Token " .. os.getenv("BENCH_TOKEN")

setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function() math.randomseed(seed) end

request = function()
  return wrk.format("GET", string.format("/ocpi/cpo/2.2.1/locations/SITE%05d", math.random(0, 9999)), { ["Authorization"] = auth })
end

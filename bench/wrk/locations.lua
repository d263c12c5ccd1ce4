-- Scenario 1: a peer pages through our 10,000 locations, 100 at a time, from random offsets; half of the requests
-- filter on last_updated (the seeded locations changed one minute apart from 2025-01-01T00:00:00Z).
dofile("bench/wrk/report.lua")
local auth = "Token " .. os.getenv("BENCH_TOKEN")

setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function() math.randomseed(seed) end

request = function()
  local path = "/ocpi/cpo/2.2.1/locations?limit=100&offset=" .. (math.random(0, 99) * 100)
  if math.random() < 0.5 then
    -- From a random point in the first half of the changes: up to 5,000 locations match, the offset often beyond.
    local minute = math.random(0, 5000)
    path = string.format("/ocpi/cpo/2.2.1/locations?limit=100&offset=%d&date_from=2025-01-%02dT%02d:%02d:00Z",
      math.random(0, 49) * 100, 1 + math.floor(minute / 1440), math.floor(minute / 60) % 24, minute % 60)
  end
  return wrk.format("GET", path, { ["Authorization"] = auth })
end

-- Shared by every scenario: paces the requests when BENCH_RATE is set, and prints wrk's figures as one JSON line
-- (after the human-readable summary), which bench/run collects into the results table.

-- BENCH_RATE: requests per second for each wrk thread (unset or 0: flat out). Requests are sent on a schedule, one
-- every 1/rate seconds, whichever connection is free, so that the rate offered holds whatever the latency (a pause
-- after each answer would offer less as answers slow down). A thread that falls behind does not catch up in a burst.
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *now);
  ]]
  local clock = ffi.new("bench_timespec")
  local function millis()
    ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local next_at = nil
  delay = function()
    local now = millis()
    local at = math.max(next_at or now, now)
    next_at = at + interval
    return math.floor(at - now + 0.5)
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"socket_errors":%d,"non_2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end

-- Shared by the scenario scripts (each one loads this file with dofile).
--
-- wrk runs every thread in its own Lua state. setup() runs in the main state
-- once per thread before that thread starts, so it is the one place that can
-- hand each thread a distinct number: the scenarios use it to seed their
-- random sequences differently and to make generated e-mail addresses unique.

local threads_started = 0

function setup (thread)
  threads_started = threads_started + 1
  thread:set ("thread_number", threads_started)
end

bench = {}

-- Seeds math.random so that two threads (and two runs) never replay the same
-- sequence of offsets or ids.
function bench.seed ()
  math.randomseed (os.time () * 1000 + (thread_number or 0))
  -- LuaJIT's first values after seeding are poorly spread; skip a few.
  for _ = 1, 8 do
    math.random ()
  end
end

-- The numbered script arguments (the ones after "--" on wrk's command line),
-- without the URL that wrk puts at index 0.
function bench.arguments (args)
  local list = {}
  for i = 1, #args do
    list[i] = args[i]
  end
  return list
end

-- wrk --latency prints the 50th, 75th, 90th and 99th percentiles only;
-- the benchmark also reports the 95th.
function done (summary, latency, requests)
  io.write (string.format ("Latency p95: %.1fus\n", latency:percentile (95)))
end

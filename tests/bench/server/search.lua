-- Scenario: the directory's search box, a searchText substring search.
--
-- Arguments: the (already URL-encoded) search terms. Each thread walks the
-- list from its own starting point, so all terms are in flight at once.

dofile ((debug.getinfo (1, "S").source:match ("^@(.*/)") or "./") .. "bench-common.lua")

local terms = {}
local next_term = 1

function init (args)
  terms = bench.arguments (args)
  if #terms == 0 then
    error ("search.lua needs at least one search term")
  end
  next_term = (thread_number or 0) % #terms + 1
end

function request ()
  local term = terms[next_term]
  next_term = next_term % #terms + 1
  return wrk.format (nil, "/bim/user?searchText=" .. term .. "&size=25")
end

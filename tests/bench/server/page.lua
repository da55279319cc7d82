-- Scenario: one 25-user page of the directory sorted by name, at a random
-- offset, as the app requests pages while someone scrolls the list.
--
-- Argument 1: the largest offset that still yields a full page.

dofile ((debug.getinfo (1, "S").source:match ("^@(.*/)") or "./") .. "bench-common.lua")

local max_offset = 0

function init (args)
  bench.seed ()
  max_offset = tonumber (args[1]) or 0
end

function request ()
  local offset = math.random (0, max_offset)
  return wrk.format (nil, "/bim/user?size=25&offset=" .. offset .. "&sortField=name&sortOrder=asc")
end

-- Scenario: one 25-user page of the directory sorted by name, at a random
-- offset, as the app requests pages while someone scrolls the list.
--
-- Argument 1: the largest offset that still yields a full page.
-- Argument 2 (optional): "mixed" picks one of the six sort fields and one
-- of the two orders at random for every request instead of name, asc.

dofile ((debug.getinfo (1, "S").source:match ("^@(.*/)") or "./") .. "bench-common.lua")

local max_offset = 0
local mixed = false
local fields = { "name", "email", "iamid", "createdAt", "lastLogin", "username" }
local orders = { "asc", "desc" }

function init (args)
  bench.seed ()
  max_offset = tonumber (args[1]) or 0
  mixed = args[2] == "mixed"
end

function request ()
  local offset = math.random (0, max_offset)
  local field, order = "name", "asc"
  if mixed then
    field = fields[math.random (1, #fields)]
    order = orders[math.random (1, #orders)]
  end
  return wrk.format (nil, "/bim/user?size=25&offset=" .. offset .. "&sortField=" .. field .. "&sortOrder=" .. order)
end

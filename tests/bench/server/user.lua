-- Scenario: one user by numeric id, as the app opens a user's page.
--
-- Argument 1: a file of "IAMID ID" lines, sampled from the server's directory
-- beforehand so that every request names a user that exists.

dofile ((debug.getinfo (1, "S").source:match ("^@(.*/)") or "./") .. "bench-common.lua")

local paths = {}

function init (args)
  bench.seed ()
  for line in io.lines (args[1]) do
    local iamid, id = line:match ("^(%S+)%s+(%d+)$")
    if iamid then
      paths[#paths + 1] = "/bim/iam/" .. iamid .. "/user/" .. id
    end
  end
  if #paths == 0 then
    error ("user.lua: no user ids in " .. tostring (args[1]))
  end
end

function request ()
  return wrk.format (nil, paths[math.random (1, #paths)])
end

-- Scenario: creating bim users.
--
-- Argument 1: a tag unique to this wrk run. The server rejects a second user
-- with the same e-mail (409), so every address combines that tag, the thread
-- number and a per-thread counter and is never repeated.

dofile ((debug.getinfo (1, "S").source:match ("^@(.*/)") or "./") .. "bench-common.lua")

local tag = "run"
local created = 0

function init (args)
  tag = args[1] or tag
  -- Passing headers to wrk.format would replace the ones given with -H (the
  -- Authorization header), so add the content type to the shared table.
  wrk.headers["Content-Type"] = "application/json"
end

function request ()
  created = created + 1
  local email = string.format ("bench-%s-t%d-%d@example.com", tag, thread_number or 0, created)
  local body = string.format ('{"profile":{"name":"Bench User %s %d %d","email":"%s"}}',
                              tag, thread_number or 0, created, email)
  return wrk.format ("POST", "/bim/iam/bim/user", nil, body)
end

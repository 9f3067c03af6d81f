-- A member's presence across all their connections, on every server. One hash per member:
--   c:<connectionId> = "<last heartbeat ms>:<away 0|1>"   (one field per open connection)
--   seen             = "<ms>:<away 0|1>"                  (when the last connection went away, and how)
-- KEYS[1] presence hash
-- ARGV[1] op: connect | heartbeat | away | disconnect | get
-- ARGV[2] connection id     ARGV[3] now (ms)          ARGV[4] connection timeout (ms)
-- ARGV[5] grace period (ms) ARGV[6] retention (ms)    ARGV[7] away flag (0|1) for op away
-- Returns {statusBefore, statusAfter, lastSeenMs}

local key = KEYS[1]
local op = ARGV[1]
local field = 'c:' .. ARGV[2]
local now = tonumber(ARGV[3])
local timeout = tonumber(ARGV[4])
local grace = tonumber(ARGV[5])

local function parse(v)
  local ms, away = string.match(v, '^(%d+):([01])$')
  if ms then return tonumber(ms), away end
  return 0, '0'
end

-- online: a fresh connection that is not away; away: fresh connections, all away;
-- during the grace period after the last connection went: what it was; then offline.
local function status()
  local all = redis.call('HGETALL', key)
  local online, away = false, false
  local seen, seenAway = 0, '0'
  for i = 1, #all, 2 do
    local f, v = all[i], all[i + 1]
    local ms, a = parse(v)
    if string.sub(f, 1, 2) == 'c:' and now - ms <= timeout then
      if a == '1' then away = true else online = true end
    end
    if ms > seen then seen, seenAway = ms, a end
  end
  if online then return 'online', seen end
  if away then return 'away', seen end
  if seen > 0 and now - seen < grace then
    if seenAway == '1' then return 'away', seen end
    return 'online', seen
  end
  return 'offline', seen
end

local before = status()
if op == 'get' then
  local s, seen = status()
  return {s, s, string.format('%d', seen)}
end

-- Connections whose server stopped heartbeating: fold them into "seen" and drop them.
local all = redis.call('HGETALL', key)
local seenMs, seenAway = parse(redis.call('HGET', key, 'seen') or '')
for i = 1, #all, 2 do
  local f, v = all[i], all[i + 1]
  if string.sub(f, 1, 2) == 'c:' and f ~= field then
    local ms, a = parse(v)
    if now - ms > timeout then
      redis.call('HDEL', key, f)
      if ms > seenMs then seenMs, seenAway = ms, a end
    end
  end
end

local _, currentAway = parse(redis.call('HGET', key, field) or '')
local exists = redis.call('HEXISTS', key, field) == 1
if op == 'connect' then
  redis.call('HSET', key, field, ARGV[3] .. ':0')
elseif op == 'heartbeat' then
  redis.call('HSET', key, field, ARGV[3] .. ':' .. (exists and currentAway or '0'))
elseif op == 'away' then
  redis.call('HSET', key, field, ARGV[3] .. ':' .. ARGV[7])
elseif op == 'disconnect' then
  if exists then
    redis.call('HDEL', key, field)
    if now > seenMs then seenMs, seenAway = now, currentAway end
  end
end
if seenMs > 0 then
  redis.call('HSET', key, 'seen', string.format('%d:%s', seenMs, seenAway))
end
redis.call('PEXPIRE', key, ARGV[6])

local after, seen = status()
return {before, after, string.format('%d', seen)}

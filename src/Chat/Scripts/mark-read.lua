-- Moves a member's read marker forward (never backward) and recomputes their exact unread count.
-- KEYS[1] messages stream   KEYS[2] conversation state hash
-- ARGV[1] member id         ARGV[2] the other member's id   ARGV[3] entry id (normalised "ms-seq")
-- Returns {'missing'} | {'kept', marker, unread} | {'moved', marker, unread}

-- Stream ids compared exactly as two unsigned integers written without leading zeros.
local function greater(a, b)
  local ams, aseq = string.match(a, '^(%d+)-(%d+)$')
  local bms, bseq = string.match(b, '^(%d+)-(%d+)$')
  if #ams ~= #bms then return #ams > #bms end
  if ams ~= bms then return ams > bms end
  if #aseq ~= #bseq then return #aseq > #bseq end
  return aseq > bseq
end

local entries = redis.call('XRANGE', KEYS[1], ARGV[3], ARGV[3])
if #entries == 0 then
  return {'missing'}
end

local current = redis.call('HGET', KEYS[2], 'read:' .. ARGV[1])
if current and not greater(ARGV[3], current) then
  return {'kept', current, redis.call('HGET', KEYS[2], 'unread:' .. ARGV[1]) or '0'}
end

local fields = {}
local raw = entries[1][2]
for i = 1, #raw, 2 do
  fields[raw[i]] = raw[i + 1]
end

-- How many of the other member's messages are at or before the marker.
local received
if fields['sender'] == ARGV[2] then
  received = tonumber(fields['seq'])
else
  received = tonumber(fields['peerseq'])
end
local total = tonumber(redis.call('HGET', KEYS[2], 'sent:' .. ARGV[2]) or '0')
local unread = total - received
if unread < 0 then unread = 0 end
redis.call('HSET', KEYS[2], 'read:' .. ARGV[1], ARGV[3], 'unread:' .. ARGV[1], unread)
return {'moved', ARGV[3], tostring(unread)}

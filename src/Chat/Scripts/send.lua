-- Sends one message, atomically: idempotency check, rate limit, XADD, counters, idempotency record.
-- KEYS[1] messages stream   KEYS[2] conversation state hash
-- KEYS[3] idempotency key   KEYS[4] sender's rate-limit sorted set
-- ARGV[1] sender id         ARGV[2] recipient id      ARGV[3] body      ARGV[4] client message id
-- ARGV[5] now (ms)          ARGV[6] rate window (ms)  ARGV[7] rate limit (count)
-- ARGV[8] idempotency ttl (ms)                        ARGV[9] conversation id
-- Returns {'dup', id, fields} | {'rate', retryAfterMs} | {'ok', id}

local existing = redis.call('GET', KEYS[3])
if existing then
  local entries = redis.call('XRANGE', KEYS[1], existing, existing)
  if #entries > 0 then
    return {'dup', existing, entries[1][2]}
  end
  -- The entry is gone (the stream was deleted): forget the mapping and send again.
  redis.call('DEL', KEYS[3])
end

local now = tonumber(ARGV[5])
local window = tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - window)
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[7]) then
  local oldest = redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')
  local retry = tonumber(oldest[2]) + window - now
  if retry < 1 then retry = 1 end
  return {'rate', tostring(retry)}
end

-- seq: how many messages the sender has sent, this one included; peerseq: how many the recipient
-- had sent by then. MarkRead derives the exact unread count from them.
local seq = redis.call('HINCRBY', KEYS[2], 'sent:' .. ARGV[1], 1)
local peerseq = tonumber(redis.call('HGET', KEYS[2], 'sent:' .. ARGV[2]) or '0')
local id = redis.call('XADD', KEYS[1], '*',
  'sender', ARGV[1], 'body', ARGV[3], 'cmid', ARGV[4], 'seq', seq, 'peerseq', peerseq)
redis.call('HINCRBY', KEYS[2], 'unread:' .. ARGV[2], 1)
redis.call('SET', KEYS[3], id, 'PX', ARGV[8])
redis.call('ZADD', KEYS[4], now, ARGV[9] .. '/' .. id)
redis.call('PEXPIRE', KEYS[4], window)
return {'ok', id}

-- The append, as functions for the scripts that use it.
-- KEYS: conversation, message counter, transcript, client ids, ..., and last the replies hash and the index of
-- unanswered messages.
-- ARGV, the last eight: client message id ('' for none), the message's JSON, the id it was written with, the events
-- channel, the JSON of its MessageAdded event, the id of the visitor message it answers ('' for none), ':' and the
-- conversation id (an unanswered entry after the message id), and the time it was stored (ms) if it awaits the bot's
-- answer, else ''.
-- The documents come finished: the caller writes them with the id it expects the message to get, and
-- stale_id() refuses them when another message took that id first.

local function stored(id)
  return id and redis.call('ZRANGEBYSCORE', KEYS[3], id, id)[1]
end

-- What makes the append a repeat: for a repeated client id, '=' and the earlier message's JSON, followed by a line
-- feed and its answer's JSON when it has one (JSON never holds a raw line feed); for an answer to a message already
-- answered, '=' and that answer. False otherwise.
local function earlier()
  local a = #ARGV - 7
  if ARGV[a] ~= '' then
    local id = redis.call('HGET', KEYS[4], ARGV[a])
    local message = stored(id)
    if message then
      local reply = stored(redis.call('HGET', KEYS[#KEYS - 1], id))
      if reply then return '=' .. message .. '\n' .. reply end
      return '=' .. message
    end
  end
  if ARGV[a + 5] ~= '' then
    local reply = stored(redis.call('HGET', KEYS[#KEYS - 1], ARGV[a + 5]))
    if reply then return '=' .. reply end
  end
  return false
end

-- '#' and the last id given when the message was written with another id than the next one; false when it fits.
local function stale_id()
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  if last + 1 == tonumber(ARGV[#ARGV - 5]) then return false end
  return '#' .. last
end

-- Gives key the expiry ttl (ms) if it has none of its own.
local function expire_if_unset(key, ttl)
  if redis.call('PTTL', key) == -1 then redis.call('PEXPIRE', key, ttl) end
end

-- Stores the message and returns '+' and its id.
local function append()
  local a = #ARGV - 7
  local id = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[3], id, ARGV[a + 1])
  if ARGV[a] ~= '' then redis.call('HSET', KEYS[4], ARGV[a], id) end
  if ARGV[a + 5] ~= '' then
    redis.call('HSET', KEYS[#KEYS - 1], ARGV[a + 5], id)
    redis.call('ZREM', KEYS[#KEYS], ARGV[a + 5] .. ARGV[a + 6])
  end
  if ARGV[a + 7] ~= '' then redis.call('ZADD', KEYS[#KEYS], ARGV[a + 7], id .. ARGV[a + 6]) end
  -- The keys this append made expire with the conversation. The others already do: whatever sets the conversation's
  -- expiry sets theirs too. The counter and the transcript are made by the first message; a hash, when it has no
  -- expiry of its own.
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then
    if id == 1 then
      redis.call('PEXPIRE', KEYS[2], ttl)
      redis.call('PEXPIRE', KEYS[3], ttl)
    end
    if ARGV[a] ~= '' then expire_if_unset(KEYS[4], ttl) end
    if ARGV[a + 5] ~= '' then expire_if_unset(KEYS[#KEYS - 1], ttl) end
  end
  redis.call('PUBLISH', ARGV[a + 3], ARGV[a + 4])
  return '+' .. id
end

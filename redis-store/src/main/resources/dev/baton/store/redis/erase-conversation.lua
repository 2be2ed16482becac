-- KEYS: conversation, message counter, transcript, client message ids, replies, visitor index, visitor's open
-- conversations, agent's index (or the conversation key when no agent has it), queue, unanswered messages.
-- ARGV: the version the caller read, conversation id.
-- Erases the conversation and every trace of it in one step; returns how many messages its transcript held, -1 when
-- its version is no longer ARGV[1] (read again and retry), -2 when it does not exist.
local version = redis.call('HGET', KEYS[1], 'version')
if not version then return -2 end
if version ~= ARGV[1] then return -1 end
local id = ARGV[2]
local messages = redis.call('ZCARD', KEYS[3])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
for message = 1, last do
  redis.call('ZREM', KEYS[10], message .. ':' .. id)
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('ZREM', KEYS[6], id)
redis.call('SREM', KEYS[7], id)
if KEYS[8] ~= KEYS[1] then redis.call('SREM', KEYS[8], id) end
redis.call('ZREM', KEYS[9], id)
return messages

-- KEYS: conversation, visitor index, visitor's open conversations, agent's index, queue, queue tickets.
-- ARGV: JSON, start (ms, the index score), id, expiring (1: with the bot or resolved, 0: with a person), retention
-- (ms), join the agent's index (1/0), queue move ('back' for a conversation created waiting, else '').
-- Returns 1 when created, 0 when the id is taken. The visitor's index stays while any of the visitor's
-- conversations is with a person, and otherwise expires a retention after their last activity.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', 1)
if ARGV[4] == '1' then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
if ARGV[6] == '1' then redis.call('SADD', KEYS[4], ARGV[3]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
if ARGV[4] == '1' then redis.call('SREM', KEYS[3], ARGV[3]) else redis.call('SADD', KEYS[3], ARGV[3]) end
if redis.call('SCARD', KEYS[3]) == 0 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) else redis.call('PERSIST', KEYS[2]) end
queue_move(KEYS[5], KEYS[6], ARGV[7], ARGV[3])
return 1

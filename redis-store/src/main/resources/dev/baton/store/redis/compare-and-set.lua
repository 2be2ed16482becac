-- The compare-and-set, as a function for the scripts that use it.
-- KEYS: conversation, message counter, transcript, client ids, visitor index, visitor's open conversations, previous
-- agent's index, new agent's index, queue, queue tickets, and last the replies hash and the index of unanswered
-- messages (see append.lua).
-- ARGV: expected version, JSON, id, lifecycle ('1': resolved now, expiring a retention from now unless it already
-- expires; 'b': with the bot, or resolved from it, expiring a retention from now (give or take a hundredth of it,
-- see expiry_is_fresh), so that an idle conversation with the bot goes too; '0': with a person now, kept until
-- resolved; '': with a person before and after, when the expiries and the open set are already right), retention
-- (ms), leave previous agent (1/0), join new agent (1/0), queue move (see queue-move.lua).
-- compare_and_set() returns 1 when written, 0 on a version conflict, -1 when the conversation is gone.

-- True when the conversation stays with the bot ('b') and its expiry was set less than a hundredth of the retention
-- ago (for 30 days, 7.2 hours): its keys keep that expiry. Setting it again on every bot turn cost Redis five
-- PEXPIRE, an SREM, an SCARD and another PEXPIRE per turn (docs/benchmarks.md, the eighth session of 2026-12-03).
local function expiry_is_fresh()
  if ARGV[4] ~= 'b' then return false end
  local retention = tonumber(ARGV[5])
  return redis.call('PTTL', KEYS[1]) > retention - retention / 100
end

local function compare_and_set()
  local version = redis.call('HGET', KEYS[1], 'version')
  if not version then return -1 end
  if version ~= ARGV[1] then return 0 end
  redis.call('HSET', KEYS[1], 'data', ARGV[2], 'version', tonumber(version) + 1)
  if ARGV[6] == '1' then redis.call('SREM', KEYS[7], ARGV[3]) end
  if ARGV[7] == '1' then redis.call('SADD', KEYS[8], ARGV[3]) end
  queue_move(KEYS[9], KEYS[10], ARGV[8], ARGV[3])
  if ARGV[4] ~= '' and not expiry_is_fresh() then
    for _, key in ipairs({KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[#KEYS - 1]}) do
      if ARGV[4] == '1' then redis.call('PEXPIRE', key, ARGV[5], 'NX')
      elseif ARGV[4] == 'b' then redis.call('PEXPIRE', key, ARGV[5])
      else redis.call('PERSIST', key) end
    end
    if ARGV[4] == '0' then redis.call('SADD', KEYS[6], ARGV[3]) else redis.call('SREM', KEYS[6], ARGV[3]) end
    if redis.call('SCARD', KEYS[6]) == 0 then redis.call('PEXPIRE', KEYS[5], ARGV[5]) else redis.call('PERSIST', KEYS[5]) end
  end
  return 1
end

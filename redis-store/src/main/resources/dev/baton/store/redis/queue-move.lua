-- What a transition does to the queue (QueueMove): 'back' joins behind everyone with the next ticket (one counter
-- for all nodes, so tickets follow arrival order even when the nodes' clocks disagree), 'front' one below the current
-- head, 'leave' removes; '' leaves the queue alone. Joining keeps the place of a conversation already queued (ZADD NX).
local function queue_move(queue, tickets, move, id)
  if move == 'back' then
    redis.call('ZADD', queue, 'NX', redis.call('INCR', tickets), id)
  elseif move == 'front' then
    local head = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
    redis.call('ZADD', queue, 'NX', head[2] and (tonumber(head[2]) - 1) or 0, id)
  elseif move == 'leave' then
    redis.call('ZREM', queue, id)
  end
end

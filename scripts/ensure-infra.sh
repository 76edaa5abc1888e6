#!/usr/bin/env bash
# Makes sure PostgreSQL, RabbitMQ and Redis answer on 127.0.0.1, starting the local ones when
# they are installed here but stopped. Elsewhere, point DATABASE_URL/RABBITMQ_URL/REDIS_URL at
# running servers (docker compose up -d postgres rabbitmq redis does that).
set -u

wait_for() { # name host port seconds
  for _ in $(seq 1 "$4"); do
    (exec 3<>"/dev/tcp/$2/$3") 2>/dev/null && { exec 3>&- 3<&-; return 0; }
    sleep 1
  done
  echo "ensure-infra: $1 is not answering on $2:$3" >&2
  return 1
}
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! up 5432 && command -v pg_ctlcluster >/dev/null; then
  echo "ensure-infra: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if ! up 5672 && command -v rabbitmq-server >/dev/null; then
  echo "ensure-infra: starting RabbitMQ"
  rabbitmq-server -detached || true
fi
if ! up 6379 && command -v redis-server >/dev/null; then
  echo "ensure-infra: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --maxmemory-policy noeviction --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
fi

wait_for PostgreSQL 127.0.0.1 5432 60 && wait_for RabbitMQ 127.0.0.1 5672 120 && wait_for Redis 127.0.0.1 6379 30 || exit 1

# BullMQ must never have its keys evicted.
if command -v redis-cli >/dev/null; then
  policy=$(redis-cli -h 127.0.0.1 config get maxmemory-policy 2>/dev/null | tail -1)
  [ "$policy" = "noeviction" ] || redis-cli -h 127.0.0.1 config set maxmemory-policy noeviction >/dev/null || true
fi
echo "ensure-infra: PostgreSQL, RabbitMQ and Redis are up"

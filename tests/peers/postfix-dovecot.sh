#!/usr/bin/env bash
# Peer anchor for inbound mail: Postfix (SMTP) -> Dovecot (LMTP) -> Maildir, all on loopback.
# Usage: postfix-dovecot.sh start|stop|bench [COUNT] [SIZE_BYTES] [SESSIONS]
#   start: install (Debian packages) and run both daemons; SMTP on 127.0.0.1:${PEER_SMTP_PORT:-10025}
#   bench: send COUNT messages of SIZE bytes with smtp-source over SESSIONS parallel sessions to
#          user1..user50@peer.test and print one JSON line: messages accepted and stored per second,
#          counted from the first SMTP connection until the last message file is in the Maildir.
#   stop:  stop both daemons.
# Dovecot also serves IMAP on 127.0.0.1:${PEER_IMAP_PORT:-10143} (plain, no TLS): any user
# name (e.g. user1@peer.test) with password "secret"; its Maildir is
# $PEER_ROOT/mail/<domain>/<user>, so tests can seed a source mailbox by delivering
# through Postfix or by writing Maildir files, then read it over IMAP.
# Mailplane's copy (tests/peers/): PEER_RELAYHOST=[127.0.0.1]:PORT makes Postfix relay every
# other domain there (opportunistic STARTTLS), to test it as a sender into Mailplane's MX.
set -euo pipefail
root=${PEER_ROOT:-/tmp/peer-postfix}
port=${PEER_SMTP_PORT:-10025}
lmtp=${PEER_LMTP_PORT:-10024}
imap=${PEER_IMAP_PORT:-10143}

install() {
  command -v postfix >/dev/null && command -v dovecot >/dev/null && command -v smtp-source >/dev/null && return
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq >/dev/null
  apt-get install -y -qq postfix dovecot-lmtpd dovecot-imapd >/dev/null
}

start() {
  install
  stop >/dev/null 2>&1 || true
  rm -rf "$root"; mkdir -p "$root"/{pf,queue,data,mail,dovecot}
  id vmail >/dev/null 2>&1 || useradd -r -M -s /usr/sbin/nologin vmail
  chown vmail:vmail "$root/mail"
  cat >"$root/pf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $root/queue
data_directory = $root/data
mail_owner = postfix
myhostname = mx.peer.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
virtual_mailbox_domains = peer.test
virtual_transport = lmtp:inet:127.0.0.1:$lmtp
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
mynetworks = 127.0.0.0/8
maillog_file = $root/postfix.log
maillog_file_prefixes = $root
message_size_limit = 104857600
default_process_limit = 100
lmtp_destination_concurrency_limit = 20
CF
  if [ -n "${PEER_RELAYHOST:-}" ]; then
    printf 'relayhost = %s\nsmtp_tls_security_level = may\n' "$PEER_RELAYHOST" >>"$root/pf/main.cf"
  fi
  sed -e "s/^smtp      inet/$port      inet/" /etc/postfix/master.cf >"$root/pf/master.cf"
  grep -q "^$port " "$root/pf/master.cf" || echo "$port inet n - y - - smtpd" >>"$root/pf/master.cf"
  sed -i -e 's/^\(\S\+\s\+\S\+\s\+\S\+\s\+\S\+\s\+\)y/\1n/' "$root/pf/master.cf"   # no chroot
  chown -R postfix "$root/queue" "$root/data"
  cat >"$root/dovecot/dovecot.conf" <<CF
base_dir = $root/dovecot/run
state_dir = $root/dovecot/state
log_path = $root/dovecot.log
protocols = lmtp imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:$root/mail/%d/%n
mail_uid = vmail
mail_gid = vmail
first_valid_uid = 1
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$root/mail/%d/%n
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap
  }
  inet_listener imaps {
    port = 0
  }
}
CF
  mkdir -p "$root/dovecot/run" "$root/dovecot/state"
  # daemons must not hold the caller's stdout/stderr open (a pipe would never close)
  dovecot -c "$root/dovecot/dovecot.conf" </dev/null >"$root/dovecot-start.log" 2>&1 ||
    { cat "$root/dovecot-start.log" >&2; exit 1; }
  # postfix reports its errors to syslog alone; 'script' gives it a terminal so they are kept
  script -qec "postfix -c $root/pf start" /dev/null </dev/null >"$root/postfix-start.log" 2>&1 ||
    { cat "$root/postfix-start.log" >&2; exit 1; }
  for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
}

stop() {
  postfix -c "$root/pf" stop 2>/dev/null || true
  [ -f "$root/dovecot/dovecot.conf" ] && doveadm -c "$root/dovecot/dovecot.conf" stop 2>/dev/null || true
  for _ in $(seq 50); do
    (echo > /dev/tcp/127.0.0.1/$lmtp) 2>/dev/null || (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null || return 0
    sleep 0.2
  done
}

count() { find "$root/mail" -path '*/new/*' -type f 2>/dev/null | wc -l; }

bench() {
  local n=${1:-5000} size=${2:-5120} sessions=${3:-20}
  local before; before=$(count)
  local t0; t0=$(date +%s.%N)
  local per=$(( (n + 49) / 50 ))
  # 50 recipients, spread over parallel smtp-source runs
  local pids=()
  for i in $(seq 1 50); do
    smtp-source -s $(( sessions / 10 > 0 ? sessions / 10 : 1 )) -m $per -l "$size" -f sender@client.test -t "user$i@peer.test" 127.0.0.1:$port &
    pids+=($!)
    if (( ${#pids[@]} >= 10 )); then wait "${pids[@]}"; pids=(); fi
  done
  wait "${pids[@]}" 2>/dev/null || true
  local want=$(( before + per * 50 ))
  local waited=0
  while (( $(count) < want )) && (( waited < 3000 )); do sleep 0.1; waited=$((waited+1)); done
  local t1; t1=$(date +%s.%N)
  local got=$(( $(count) - before ))
  python3 - "$got" "$t0" "$t1" "$size" <<PY
import json, sys
got, t0, t1, size = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(json.dumps({"peer": "postfix+dovecot-lmtp", "messages": got, "size_bytes": size,
                  "seconds": round(t1 - t0, 3), "messages_per_s": round(got / (t1 - t0), 1)}))
PY
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  bench) shift; bench "$@" ;;
  *) echo "usage: $0 start|stop|bench [COUNT] [SIZE_BYTES] [SESSIONS]" >&2; exit 2 ;;
esac

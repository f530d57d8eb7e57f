# shellcheck shell=bash
# What the end-to-end benches share. Source it, then:
#   busybox_rootfs_tar DIR APPLET...  -> DIR/rootfs (busybox-static, the applets as links, root in
#                                        /etc/passwd) packed as DIR/rootfs.tar
#   start_bench_engine ROOT WORK       -> `jcompose engine run` of the checkout ROOT on
#                                        WORK/engine.sock (data and exec roots in WORK); sets
#                                        engine_pid and returns once it answers
#   now_ms, median                     -> a clock in milliseconds; the median of numbers on stdin

busybox_rootfs_tar() {
  local dir=$1 applet
  shift
  mkdir -p "$dir/rootfs"/{bin,etc,tmp,proc,sys,dev}
  cp /bin/busybox "$dir/rootfs/bin/"
  for applet in "$@"; do ln -s busybox "$dir/rootfs/bin/$applet"; done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$dir/rootfs/etc/passwd"
  tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" .
}

start_bench_engine() {
  local root=$1 work=$2 i
  "$root/jcompose" -H "unix://$work/engine.sock" engine run --data-root "$work/engine-data" \
    --exec-root "$work/engine-exec" >"$work/engine.log" 2>&1 &
  engine_pid=$!
  for ((i = 0; i < 600; i++)); do
    DOCKER_HOST="unix://$work/engine.sock" docker version >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the bench engine does not answer on $work/engine.sock; its log:" >&2
  tail -n 20 "$work/engine.log" >&2
  exit 1
}

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

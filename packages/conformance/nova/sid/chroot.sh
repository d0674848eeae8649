# Sourced by install.sh, start.sh and stop.sh: mounting and unmounting the chroot's /proc and /dev.
# They are mounted only while something runs inside the chroot, and each is mounted once however
# many scripts ask (a mount already there is left alone).

chroot_mounted() { mountpoint -q "$1"; }

chroot_mount() {
  local root=$1
  mkdir -p "$root/proc" "$root/dev"
  chroot_mounted "$root/proc" || mount -t proc proc "$root/proc"
  # A bind of the host's /dev gives /dev/null, /dev/urandom and /dev/shm (which MariaDB and
  # Python's multiprocessing use) without making device nodes.
  chroot_mounted "$root/dev" || mount --rbind /dev "$root/dev"
}

# Unmounts what chroot_mount mounted; a mount still in use (a process of another tool inside the
# chroot) is detached lazily, so it goes away when that process ends.
chroot_unmount() {
  local root=$1
  [ -d "$root" ] || return 0
  if chroot_mounted "$root/dev"; then umount -R "$root/dev" 2>/dev/null || umount -R -l "$root/dev"; fi
  if chroot_mounted "$root/proc"; then umount "$root/proc" 2>/dev/null || umount -l "$root/proc"; fi
}

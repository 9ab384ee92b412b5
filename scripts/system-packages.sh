#!/usr/bin/env bash
# Installs the Debian packages that the slow test tiers use, when running as root and they are
# missing. Elsewhere it says what is missing; the tiers then skip loudly (and fail under CI=true).
set -uo pipefail
need=()
command -v jekyll >/dev/null 2>&1 || need+=(jekyll ruby-jekyll-archives ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-redirect-from)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The coexist tier: Material's social cards draw with Cairo, in Debian's DejaVu font; git dates.
ldconfig -p 2>/dev/null | grep -q libcairo.so.2 || need+=(libcairo2)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || need+=(fonts-dejavu-core)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "!!! system packages missing and not root (or no apt-get): ${need[*]}" >&2
    echo "!!! the Jekyll and browser test tiers that need them will be SKIPPED" >&2
    exit 0
fi
echo "installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "!!! apt-get could not install ${need[*]}; the tiers that need them will be SKIPPED" >&2
exit 0

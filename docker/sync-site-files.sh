#!/bin/sh
# Copies the site's files (routes, mappings) from where Kubernetes mounts their ConfigMaps into the folders the adapter
# watches, each file only when it differs, renamed into place whole. Kubernetes updates a mounted ConfigMap by switching
# a symbolic link to a new folder, which a watcher of file names never sees; copied, a changed route is reloaded.
#   sync-site-files.sh <from> <to> [seconds]     copies once, or again every <seconds>
set -eu
from=$1
to=$2
every=${3:-}
while :; do
    # The ConfigMap's own entries (..data, ..2026_12_03...) are links and folders of its update mechanism.
    (cd "$from" && find -L . -type f ! -path '*/..*') | while read -r file; do
        if ! cmp -s "$from/$file" "$to/$file"; then
            mkdir -p "$(dirname "$to/$file")"
            cp "$from/$file" "$to/$file.copying"
            mv "$to/$file.copying" "$to/$file"
            echo "$(date -u +%FT%TZ) copied $file"
        fi
    done
    [ -n "$every" ] || exit 0
    sleep "$every"
done

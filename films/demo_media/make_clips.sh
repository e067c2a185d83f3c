#!/bin/sh
# How the demo films were made: generated here with Debian's ffmpeg (apt-get install ffmpeg),
# no downloaded media. Each clip is 12 seconds of coloured card with two lines of text
# and a quiet tone, VP9 + Opus in WebM, under 110 KB. Run from this folder to rebuild.
set -eu
F=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
mk() { # name colour first-line second-line tone-hz
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$2:s=640x360:d=12:r=15" \
    -f lavfi -i "sine=frequency=$5:duration=12:sample_rate=48000" \
    -vf "drawtext=fontfile=$F:text='$3':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=h/2-50:enable='lt(t,6)',drawtext=fontfile=$F:text='$4':fontcolor=white:fontsize=34:x=(w-text_w)/2:y=h/2-50:enable='gte(t,6)',drawbox=x=0:y=ih-24:w=iw:h=24:color=0xf2c14e:t=fill" \
    -af "volume=0.05" -c:v libvpx-vp9 -b:v 120k -deadline good -cpu-used 4 \
    -c:a libopus -b:a 32k -shortest "$1.webm"
  ffmpeg -hide_banner -loglevel error -y -ss 3 -i "$1.webm" -frames:v 1 "$1-poster.png"
}
mk what-happens-at-a-meeting 0x1d4f6e "What happens at a meeting" "You are never on your own" 220
mk writing-a-letter 0x4a3b6e "Writing a letter" "Your words, your choice" 330
# The audio-described version: the same pictures with a different sound track.
ffmpeg -hide_banner -loglevel error -y -i what-happens-at-a-meeting.webm \
  -f lavfi -i "sine=frequency=440:duration=12:sample_rate=48000" \
  -map 0:v -map 1:a -c:v copy -af volume=0.05 -c:a libopus -b:a 32k -shortest \
  what-happens-at-a-meeting-audio-described.webm

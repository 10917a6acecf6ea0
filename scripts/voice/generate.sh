#!/usr/bin/env bash
# Records the voice clips <motcua-queue-board> and <motcua-ticket-kiosk> play where the browser has no Vietnamese
# voice: packages/elements/assets/voice/<clip name>.mp3, one clip per phrase and per word, named as
# packages/elements/src/internal/speech/clip-names.ts names them (Telex, e.g. mười → muwowif).
#
# Run once, from the repository root, and commit the clips with any change to this script:
#   apt-get install -y espeak-ng lame     # Debian 12: espeak-ng 1.51, LAME 3.100
#   scripts/voice/generate.sh
#
# The words are not typed here: they come from core (every word numberToVietnameseWords uses for 0–99 999, in every
# regional variant, and the words of VIETNAMESE_LETTER_NAMES) and from PHRASE_TEXTS. The chime is synthesised.
# Output: trimmed of silence, mono MP3 at 24 kbit/s (LAME resamples to 16 kHz; the chime at 32 kbit/s), about 87 kB.
set -euo pipefail

cd "$(dirname "$0")/../.."
out=packages/elements/assets/voice
voice=${VOICE:-vi}   # espeak-ng's Northern Vietnamese; vi-vn-x-south or vi-vn-x-central for other accents
speed=${SPEED:-140}  # words per minute (espeak-ng's default is 175)
command -v espeak-ng >/dev/null && command -v lame >/dev/null || {
  echo 'needs espeak-ng and lame: apt-get install -y espeak-ng lame' >&2
  exit 1
}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "name<TAB>text" lines: the phrases, then every word of the number and letter readings.
node --import tsx --input-type=module -e "
import { numberToVietnameseWords, VIETNAMESE_LETTER_NAMES } from './packages/core/src/queue/index.ts';
import { clipName, PHRASE_TEXTS } from './packages/elements/src/internal/speech/clip-names.ts';
const lines = new Map(Object.entries(PHRASE_TEXTS));
const words = new Set();
const variants = [{}, { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' }];
for (let n = 0; n < 100000; n++) for (const v of variants) for (const w of numberToVietnameseWords(n, v).split(' ')) words.add(w);
for (const name of Object.values(VIETNAMESE_LETTER_NAMES)) for (const w of name.split(' ')) words.add(w);
for (const w of words) lines.set(clipName(w), w);
for (const [name, text] of lines) console.log(name + '\t' + text);
" >"$work/list.tsv"

# Cuts the silence espeak-ng leaves around a word (keeps 40 ms either side) from a 16-bit mono WAV, in place.
trim() {
  node -e "
const fs = require('node:fs');
const file = process.argv[1];
const wav = fs.readFileSync(file);
const data = wav.indexOf('data', 12);
const start = data + 8;
const rate = wav.readUInt32LE(24);
const samples = (wav.length - start) >> 1;
const loud = (i) => Math.abs(wav.readInt16LE(start + 2 * i)) > 600;
let first = 0;
while (first < samples && !loud(first)) first++;
let last = samples - 1;
while (last > first && !loud(last)) last--;
const pad = Math.round(rate * 0.04);
first = Math.max(0, first - pad);
last = Math.min(samples - 1, last + pad);
const body = wav.subarray(start + 2 * first, start + 2 * (last + 1));
const header = Buffer.from(wav.subarray(0, 44));
header.write('data', 36);
header.writeUInt32LE(36 + body.length, 4);
header.writeUInt32LE(body.length, 40);
fs.writeFileSync(file, Buffer.concat([wav.subarray(0, 36), header.subarray(36, 44), body]));
" "$1"
}

while IFS=$'\t' read -r name text; do
  espeak-ng -v "$voice" -s "$speed" -w "$work/$name.wav" "$text"
  trim "$work/$name.wav"
  lame --quiet -m m -b 24 "$work/$name.wav" "$out/$name.mp3"
done <"$work/list.tsv"

# A 16-bit mono WAV file from samples in [-1, 1]: `wav FILE RATE EXPRESSION`, the expression (JavaScript, with
# `rate` in scope) giving the samples.
wav() {
  node -e "
const fs = require('node:fs');
const rate = Number(process.argv[2]);
const samples = $3;
const body = Buffer.alloc(samples.length * 2);
samples.forEach((s, i) => body.writeInt16LE(Math.round(s * 32767), i * 2));
const h = Buffer.alloc(44);
h.write('RIFF', 0); h.writeUInt32LE(36 + body.length, 4); h.write('WAVE', 8); h.write('fmt ', 12);
h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24);
h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write('data', 36);
h.writeUInt32LE(body.length, 40);
fs.writeFileSync(process.argv[1], Buffer.concat([h, body]));
" "$1" "$2"
}

# The chime: two soft bell tones (E5 then C5), 22.05 kHz mono.
wav "$work/chime.wav" 22050 "(() => {
  const tone = (f, seconds) => Array.from({ length: Math.round(rate * seconds) }, (_, i) => {
    const t = i / rate;
    return Math.sin(2 * Math.PI * f * t) * Math.exp(-3 * t) * Math.min(1, t * 200) * 0.45;
  });
  return [...tone(659.25, 0.55), ...tone(523.25, 0.9)];
})()"
lame --quiet -m m -b 32 "$work/chime.wav" "$out/chime.mp3"

# Silence (a tenth of a second): played inside the "enable sound" gesture to unlock the audio element, from the clip
# folder itself so that a page's Content-Security-Policy (media-src) needs no data: or blob: sources.
wav "$work/silence.wav" 16000 "new Array(rate / 10).fill(0)"
lame --quiet -m m -b 24 "$work/silence.wav" "$out/silence.mp3"

echo "$(ls "$out" | wc -l) clips, $(du -sh "$out" | cut -f1) in $out"

import { expect } from '@open-wc/testing';
import {
  type AnnouncementOutcome,
  autoEngine,
  callUtterance,
  clipEngine,
  clipName,
  createAnnouncer,
  labelClips,
  recordingEngine,
  SpeechUnavailableError,
  ticketUtterance,
  webSpeechEngine,
} from './index.js';
import { defaultVoiceBase } from './voice-base.js';

/** An audio element that "plays" each source instantly and records it; `missing` sources fail to load. */
function fakeAudio(missing: readonly string[] = []) {
  const played: string[] = [];
  const target = new EventTarget() as EventTarget & {
    src: string;
    preload: string;
    play(): Promise<void>;
    pause(): void;
  };
  target.src = '';
  target.play = async () => {
    const src = target.src;
    played.push(src);
    setTimeout(() => target.dispatchEvent(new Event(missing.some((m) => src.endsWith(m)) ? 'error' : 'ended')));
  };
  target.pause = () => {};
  return { played, audio: target as unknown as HTMLAudioElement };
}

/** A fetch that is offline: the clip engine then hands the audio element the clips' URLs. */
const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;

/** A speech synthesiser with the given voices that "speaks" instantly and records the text and voice. */
function fakeSynth(voices: { lang: string; name: string; localService?: boolean }[]) {
  const spoken: { text: string; lang: string }[] = [];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices.map((v) => ({ localService: true, default: false, voiceURI: v.name, ...v })),
    speak(u: SpeechSynthesisUtterance) {
      spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent));
    },
    cancel() {},
  });
  return { spoken, synth: synth as unknown as SpeechSynthesis };
}

describe('voice announcements', () => {
  it('names clips in Telex, so that no two words share a file', () => {
    expect(['mười', 'mươi', 'năm', 'nam', 'mốt', 'một', 'đến', 'quầy', 'bảy', 'lẻ'].map(clipName)).to.deep.equal([
      'muwowif',
      'muwowi',
      'nawm',
      'nam',
      'moots',
      'mootj',
      'ddeens',
      'quaayf',
      'bayr',
      'ler',
    ]);
  });

  it('says a call as core formats it, and as clips word by word', () => {
    expect(callUtterance('A105', '3')).to.deep.equal({
      text: 'Xin mời số a, một trăm linh năm, đến quầy số ba',
      lang: 'vi',
      clips: ['chime', 'moi-khach-hang-so', 'a', 'mootj', 'trawm', 'linh', 'nawm', 'den-quay', 'so', 'ba'],
    });
    expect(callUtterance('A105', '3', { lang: 'en' }).text).to.equal('Ticket A105, please go to counter 3');
    expect(callUtterance('B024', '12', { zeroTens: 'lẻ', four: 'bốn' }).clips).to.deep.equal([
      'chime',
      'moi-khach-hang-so',
      'bee',
      'hai',
      'muwowi',
      'boons',
      'den-quay',
      'so',
      'muwowif',
      'hai',
    ]);
    expect(labelClips('L07', { numberReading: 'digits' })).to.deep.equal(['e', 'lowf', 'khoong', 'bayr']);
    expect(ticketUtterance('A105')).to.deep.equal({
      text: 'Số của bạn là a, một trăm linh năm',
      lang: 'vi',
      clips: ['chime', 'so-cua-ban-la', 'a', 'mootj', 'trawm', 'linh', 'nawm'],
    });
  });

  it('says announcements one after another, in order, never overlapping, each repeated', async () => {
    const engine = recordingEngine({ duration: 20 });
    const announcer = createAnnouncer({ engine, repeat: 2, pause: 5 });
    const first = announcer.announce(callUtterance('A001', '1'));
    const second = announcer.announce(callUtterance('A002', '2'));
    expect(announcer.pending).to.equal(2);
    expect(await Promise.all([first, second])).to.deep.equal(['spoken', 'spoken']);
    const a = 'Xin mời số a, một, đến quầy số một';
    const b = 'Xin mời số a, hai, đến quầy số hai';
    expect(engine.log).to.deep.equal([
      `start ${a}`,
      `end ${a}`,
      `start ${a}`,
      `end ${a}`,
      `start ${b}`,
      `end ${b}`,
      `start ${b}`,
      `end ${b}`,
    ]);
    expect(announcer.pending).to.equal(0);
  });

  it('keeps up with a burst: 30 calls in a minute never leave more than 5 waiting, the newest always said', async () => {
    // A call takes about 17 s to say twice; here 1 ms stands for 0.5 s: a call every 2 s is one every 4 ms.
    const engine = recordingEngine({ duration: 17 });
    const announcer = createAnnouncer({ engine, repeat: 2, pause: 1 });
    const outcomes: Promise<AnnouncementOutcome>[] = [];
    let most = 0;
    for (let i = 1; i <= 30; i++) {
      outcomes.push(announcer.announce(callUtterance(`A${String(i).padStart(3, '0')}`, '1'), `A${i}`));
      most = Math.max(most, announcer.pending - 1);
      await new Promise((r) => setTimeout(r, 4));
    }
    const ended = await Promise.all(outcomes);
    expect(most, 'never more than 5 waiting').to.be.at.most(5);
    expect(ended.at(-1), 'the newest call is said').to.equal('spoken');
    expect(ended.filter((o) => o === 'cancelled').length, 'stale calls dropped').to.be.greaterThan(0);
    // In the burst each call is said once; the voice ends soon after the last call, not 30 × 2 calls later.
    const said = engine.said.map((u) => u.text);
    expect(said.length).to.be.below(30);
    expect(said.at(-1)).to.equal('Xin mời số a, ba mươi, đến quầy số một');
  });

  it('says a recall that arrives before its call was said once, in the call’s place', async () => {
    const engine = recordingEngine({ duration: 20 });
    const announcer = createAnnouncer({ engine, repeat: 1, pause: 0 });
    const first = announcer.announce(callUtterance('A001', '1'), 'A001');
    const call = announcer.announce(callUtterance('A002', '2'), 'A002');
    const other = announcer.announce(callUtterance('A003', '3'), 'A003');
    const recall = announcer.announce(callUtterance('A002', '4'), 'A002');
    expect(await Promise.all([first, call, other, recall])).to.deep.equal(['spoken', 'cancelled', 'spoken', 'spoken']);
    expect(engine.said.map((u) => u.text)).to.deep.equal([
      'Xin mời số a, một, đến quầy số một',
      'Xin mời số a, hai, đến quầy số bốn',
      'Xin mời số a, ba, đến quầy số ba',
    ]);
  });

  it('cancels what it is saying and drops what waits; a failure does not block the next', async () => {
    const engine = recordingEngine({ duration: 50 });
    const errors: unknown[] = [];
    const announcer = createAnnouncer({ engine, pause: 0, onError: (e) => errors.push(e) });
    const first = announcer.announce(callUtterance('A001', '1'));
    const second = announcer.announce(callUtterance('A002', '1'));
    await new Promise((r) => setTimeout(r, 10));
    announcer.cancel();
    expect(await Promise.all([first, second])).to.deep.equal(['cancelled', 'cancelled']);
    expect(engine.said.map((u) => u.text)).to.deep.equal(['Xin mời số a, một, đến quầy số một']);

    let calls = 0;
    announcer.engine = {
      async speak() {
        calls++;
        if (calls === 1) throw new SpeechUnavailableError('no-voice', 'none');
      },
    };
    const outcomes: AnnouncementOutcome[] = await Promise.all([
      announcer.announce(callUtterance('A003', '1')),
      announcer.announce(callUtterance('A004', '1')),
    ]);
    expect(outcomes).to.deep.equal(['failed', 'spoken']);
    expect(errors).to.have.length(1);
  });

  it('plays the clips in sequence from the base URL, and refuses a call with a clip missing', async () => {
    const { played, audio } = fakeAudio();
    const engine = clipEngine({ baseUrl: 'https://cdn.example/voice/', createAudio: () => audio, fetch: offline });
    await engine.speak(callUtterance('A105', '3'));
    expect(played.map((src) => src.replace('https://cdn.example/voice/', ''))).to.deep.equal(
      ['chime', 'moi-khach-hang-so', 'a', 'mootj', 'trawm', 'linh', 'nawm', 'den-quay', 'so', 'ba'].map(
        (c) => `${c}.mp3`,
      ),
    );
    const broken = fakeAudio(['trawm.mp3']);
    const failing = clipEngine({
      baseUrl: 'https://cdn.example/voice/',
      createAudio: () => broken.audio,
      fetch: offline,
    });
    let error: unknown;
    await failing.speak(callUtterance('A105', '3')).catch((e: unknown) => {
      error = e;
    });
    expect(error).to.be.instanceOf(SpeechUnavailableError);
    expect(broken.played.at(-1)).to.match(/trawm\.mp3$/);
  });

  it('speaks with a vi-VN voice when there is one, and falls back to clips when there is none', async () => {
    const withVoice = fakeSynth([
      { lang: 'en-US', name: 'English' },
      { lang: 'vi-VN', name: 'Linh' },
    ]);
    const web = webSpeechEngine({ synth: withVoice.synth });
    expect((await web.voiceFor('vi'))?.name).to.equal('Linh');
    const { played, audio } = fakeAudio();
    await autoEngine({
      baseUrl: '/voice/',
      web,
      clips: clipEngine({ baseUrl: '/voice/', createAudio: () => audio, fetch: offline }),
    }).speak(callUtterance('A105', '3'));
    expect(withVoice.spoken).to.deep.equal([
      { text: 'Xin mời số a, một trăm linh năm, đến quầy số ba', lang: 'vi-VN' },
    ]);
    expect(played).to.deep.equal([]);

    const without = fakeSynth([{ lang: 'en-US', name: 'English' }]);
    const noVoice = webSpeechEngine({ synth: without.synth });
    expect(await noVoice.voiceFor('vi')).to.equal(undefined);
    let error: unknown;
    await noVoice.speak(callUtterance('A105', '3')).catch((e: unknown) => {
      error = e;
    });
    expect((error as SpeechUnavailableError).code).to.equal('no-voice');
    await autoEngine({
      baseUrl: '/voice/',
      web: noVoice,
      clips: clipEngine({ baseUrl: '/voice/', createAudio: () => audio, fetch: offline }),
    }).speak(callUtterance('A105', '3'));
    expect(without.spoken).to.deep.equal([]);
    expect(played).to.have.length(10);
  });

  it('finds the shipped clips by default, or where the page’s meta tag says', async () => {
    const response = await fetch(new URL('moi-khach-hang-so.mp3', defaultVoiceBase()));
    expect(response.ok).to.equal(true);
    const meta = Object.assign(document.createElement('meta'), { name: 'motcua:voice-base', content: '/am-thanh/' });
    document.head.append(meta);
    try {
      expect(defaultVoiceBase()).to.equal(new URL('/am-thanh/', document.baseURI).href);
    } finally {
      meta.remove();
    }
  });

  it('ships every clip a call can need, each a short MP3 the browser decodes', async () => {
    const names = new Set(['chime', 'silence', 'so-cua-ban-la']);
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 21, 24, 105, 1005]) {
      for (const c of callUtterance(`A${n}`, String(n % 20)).clips) names.add(c);
      for (const c of callUtterance(`A${n}`, '1', { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' }).clips)
        names.add(c);
    }
    for (const letter of 'ABCDĐEFGHIJKLMNOPQRSTUVWXYZ') for (const c of labelClips(letter)) names.add(c);
    const context = new OfflineAudioContext(1, 1, 16_000);
    for (const name of names) {
      const response = await fetch(new URL(`${name}.mp3`, defaultVoiceBase()));
      expect(response.ok, name).to.equal(true);
      const audio = await context.decodeAudioData(await response.arrayBuffer());
      // Every word and phrase lasts 0.1–2.5 s; the silence that unlocks sound is a tenth of a second (plus the MP3
      // encoder's padding).
      if (name === 'silence') expect(audio.duration, name).to.be.within(0.05, 0.2);
      else expect(audio.duration, name).to.be.within(0.1, 2.5);
    }
    expect(names.size).to.equal(56);
  });

  it('gives up on a clip that never finishes, so the announcer goes on', async () => {
    const silent = Object.assign(new EventTarget(), { src: '', preload: '', play: async () => {}, pause() {} });
    const engine = clipEngine({
      baseUrl: '/voice/',
      clipTimeout: 30,
      createAudio: () => silent as unknown as HTMLAudioElement,
      fetch: offline,
    });
    const announcer = createAnnouncer({ engine, pause: 0 });
    const first = announcer.announce(callUtterance('A001', '1'));
    announcer.engine = recordingEngine();
    expect(await first).to.equal('failed');
    expect(await announcer.announce(callUtterance('A002', '1'))).to.equal('spoken');
  });

  it('says each announcement at least once, whatever the repeat count', async () => {
    const engine = recordingEngine();
    const announcer = createAnnouncer({ engine, repeat: Number.NaN, pause: 0 });
    await announcer.announce(callUtterance('A001', '1'));
    announcer.repeat = -2;
    await announcer.announce(callUtterance('A002', '1'));
    expect(engine.said).to.have.length(2);
  });

  it('fetches every clip of a call before saying a word, once, and says nothing when one is missing', async () => {
    const fetched: string[] = [];
    const fetchClip = (async (url: string) => {
      fetched.push(url);
      return url.endsWith('/trawm.mp3') ? new Response('', { status: 404 }) : new Response(new Blob(['mp3']));
    }) as typeof fetch;
    const { played, audio } = fakeAudio();
    const engine = clipEngine({ baseUrl: 'https://cdn.example/voice/', createAudio: () => audio, fetch: fetchClip });
    await engine.speak(callUtterance('A012', '3'));
    expect(played).to.have.length(8);
    // Played from the clip folder, which a page's media-src allows, never from blob: or data: sources.
    expect(played.every((src) => src.startsWith('https://cdn.example/voice/'))).to.equal(true);
    const first = fetched.length;
    await engine.speak(callUtterance('A012', '3'));
    expect(fetched).to.have.length(first); // kept
    played.length = 0;
    let error: unknown;
    await engine.speak(callUtterance('A105', '3')).catch((e: unknown) => {
      error = e;
    });
    expect((error as SpeechUnavailableError).message).to.match(/trawm\.mp3: HTTP 404/);
    expect(played).to.deep.equal([]);
  });
});

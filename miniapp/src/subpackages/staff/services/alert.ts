import Taro from '@tarojs/taro';
import { IS_H5 } from '../../../config';

let audio: AudioContext | null = null;

/** A short beep (WebAudio, 880 Hz for 0.18 s) in the browser; a short vibration on the phone. */
export function alertNewEvent(): void {
  if (!IS_H5) {
    void Taro.vibrateShort({ type: 'heavy' }).catch(() => undefined);
    return;
  }
  try {
    const Ctor =
      window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    audio ??= new Ctor();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.2);
  } catch {
    // No audio (autoplay policy, no device): the badge still shows the new event.
  }
}

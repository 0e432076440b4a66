import './style.css';
import { startLensRuntime } from '@/utils/lensRuntime';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    startLensRuntime(ctx);
  },
});

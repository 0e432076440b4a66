import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';
import { startLensRuntime } from './runtime';

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

// Service-worker status for UpdatePrompt. vite.config.ts registers VitePWA with registerType 'prompt'
// and injectRegister false, so the app registers the worker itself, through useRegisterSW.
// If the plugin is ever removed, swap this for a stub returning { offlineReady: false, needRefresh: false }.
export type { PwaStatus } from './status-sw';
export { usePwaStatusFromSW as usePwaStatus } from './status-sw';

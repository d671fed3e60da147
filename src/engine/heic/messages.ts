export const heicDamagedMessage =
  'The HEIC photo is damaged or uses a HEIF variant that cannot be decoded here. Export it as JPEG and try again.';

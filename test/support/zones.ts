/** The zones every calendar test runs in: whole-hour DST, half- and quarter-hour offsets, a 30-minute DST shift, :45. */
export const TEST_ZONES = [
  'Europe/Athens',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
] as const;

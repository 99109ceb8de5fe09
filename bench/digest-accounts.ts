/** The benchmark's Tellody accounts: one per workspace, each with its own data. */
export const benchAccount = (i: number) => ({
  username: `acct${i}`,
  password: `pw-${i}`,
  zone: 'Europe/Athens',
  seed: i + 1,
});

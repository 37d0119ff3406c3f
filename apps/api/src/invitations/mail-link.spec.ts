import { INVITATION_TOKEN_PATTERN } from '@podium/identity';
import { mailLinkToken } from './mail-link';

// Expected tokens computed outside Podium (Python's hmac: HMAC-SHA-256 of the nonce under HMAC-SHA-256 of the label
// under the secret, base64url without padding).
describe('mailLinkToken', () => {
  const secret = 'test-secret-test-secret-test-secret-0123';

  it.each([
    [secret, '00000000-0000-4000-8000-00000000b002', 'BYEb6R2tjDSCi8OaJnD9Cv-ran93ft3ZiGvCaYogeXM'],
    [secret, '00000000-0000-4000-8000-00000000b003', '25nUcR9ptUwltgMuUrh6LUdvsQpNXqDDVeiozJeCcvc'],
    ['other-secret-other-secret-other-secret-01', '00000000-0000-4000-8000-00000000b002', 'HOq0-z3ugXNbSsnexncrtiCeivdR5atNbGijt_UY7ZE'],
  ])('derives the same token from the same secret and nonce (%#)', (key, nonce, token) => {
    expect(mailLinkToken(key, nonce)).toBe(token);
    expect(INVITATION_TOKEN_PATTERN.test(token)).toBe(true); // a sign-in link accepts it like a random one
  });
});

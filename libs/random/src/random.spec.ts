import { seededRandom } from './index';

// Expected draws from mulberry32 written out in Python from its published definition, not from this code.
describe('seededRandom (mulberry32)', () => {
  it.each([
    [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]],
    [42, [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]],
    [4294967295, [0.8964226141106337, 0.189478256739676, 0.7156526781618595]],
  ])('seed %d draws the published sequence', (seed, draws) => {
    const next = seededRandom(seed);
    expect([next(), next(), next()]).toEqual(draws);
  });
});

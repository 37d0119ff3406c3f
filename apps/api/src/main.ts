import { HELLO } from '@podium/contracts';
console.log(HELLO);

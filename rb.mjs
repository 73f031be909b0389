import { extendSquare, computeSquareRoots } from '/work/wt-da/dist/reference/da/index.js';
import { Rng } from '/work/wt-da/dist/reference/common/rng.js';
const p={shareSize:512,namespaceSize:29}; const k=32; const rng=new Rng('x');
const shares=Array.from({length:k*k},(_,i)=>{const s=rng.bytes(512); s.fill(0,0,29); s[28]=Math.floor(i*200/(k*k)); return s;});
const sq=extendSquare(shares,p);
const time=(f)=>{let n=0;const t0=performance.now(); while(performance.now()-t0<3000){f();n++;} return (performance.now()-t0)/n;};
time(()=>computeSquareRoots(sq.cells,k,29));
console.log('roots ms', time(()=>computeSquareRoots(sq.cells,k,29)).toFixed(0));

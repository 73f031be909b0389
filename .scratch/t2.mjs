import * as B from "../dist/reference/bls/index.js";
import * as blst from "@chainsafe/blst";
const hex=(b)=>Buffer.from(b).toString("hex");
const ikm=new Uint8Array(32).fill(7);
const sk=B.keyGen(ikm); const bsk=blst.SecretKey.fromKeygen(ikm);
console.log("sk eq", hex(sk)===hex(bsk.toBytes()));
const sk2=B.keyGen(ikm, new TextEncoder().encode("info")); const bsk2=blst.SecretKey.fromKeygen(ikm, new TextEncoder().encode("info"));
console.log("sk info eq", hex(sk2)===hex(bsk2.toBytes()));
const pk=B.skToPk(sk); console.log("pk eq", hex(pk)===hex(bsk.toPublicKey().toBytes()));
const m=new TextEncoder().encode("hello");
let t=performance.now(); const sig=B.sign(sk,m); console.log("sign ms", performance.now()-t);
console.log("sig eq", hex(sig)===hex(bsk.sign(m).toBytes()));
t=performance.now(); console.log("verify", B.verify(pk,m,sig), performance.now()-t);
t=performance.now(); console.log("verify", B.verify(pk,m,sig), performance.now()-t);
const pop=B.popProve(sk); console.log("popverify", B.popVerify(pk,pop));
t=performance.now(); B.decodeG2(sig); console.log("decodeG2 ms", performance.now()-t);
t=performance.now(); B.hashToG2(m, B.POP.id); console.log("h2c ms", performance.now()-t);
// check decodes match noble
for (let i=0;i<5;i++){ const s=B.sign(B.keyGen(new Uint8Array(32).fill(i+1)), m); const p=B.decodeG2(s); if(hex(B.encodeG2(p))!==hex(s)) console.log("G2 roundtrip fail"); const k=B.skToPk(B.keyGen(new Uint8Array(32).fill(i+1))); if (hex(B.encodeG1(B.decodeG1(k)))!==hex(k)) console.log("G1 rt fail");}
console.log("done");

// `npm run build` runs this before `next build`: bundles the islands into public/islands.
import { buildIslands } from "./lib/build-islands";

console.log("islands:", await buildIslands());

// GET|POST /api/auth/* – Auth.js: magic-link callbacks, sessions, sign-out, GitHub, and rate-limited
// magic-link requests (lib/auth/auth-route.ts).
import { authRoute } from "@/lib/auth/auth";

export const { GET, POST } = authRoute;

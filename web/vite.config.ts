/// <reference types="vitest" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Built into web/dist and served by `mailplane serve` (api role). Nothing inline: the
// server's Content-Security-Policy allows scripts and styles from 'self' only.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    port: 23173,
    proxy: {
      "/v1": "http://127.0.0.1:8025",
      "/graphql": "http://127.0.0.1:8025",
      "/oauth": "http://127.0.0.1:8025",
      "/web/session": "http://127.0.0.1:8025",
    },
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});

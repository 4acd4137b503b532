import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { themeScript } from "@/components/providers/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "hasteCRM", template: "%s · hasteCRM" },
  description: "Contacts, companies and pipelines for fast-moving teams.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets a class on <html> before React hydrates; the mismatch is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

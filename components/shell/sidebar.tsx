"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, Building, Download, ListFilter, Settings, Upload, Users, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

const mainNav: NavItem[] = [
  { href: "/contacts", label: "Contacts", icon: Users },
  { href: "/companies", label: "Companies", icon: Building },
  { href: "/segments", label: "Segments", icon: ListFilter },
  { href: "/imports", label: "Imports", icon: Upload },
  { href: "/exports", label: "Exports", icon: Download },
  { href: "/jobs", label: "Jobs", icon: Activity },
];

const footerNav: NavItem[] = [{ href: "/settings", label: "Settings", icon: Settings }];

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = isActive(pathname, item.href);
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex h-8 items-center gap-2.5 rounded-md px-2 text-[13px] font-medium transition-colors",
        active ? "bg-accent text-foreground" : "text-muted-foreground hover:bg-accent/70 hover:text-foreground",
      )}
    >
      <Icon className={cn("size-4 shrink-0", active ? "text-foreground" : "text-muted-foreground")} />
      {item.label}
    </Link>
  );
}

export function Sidebar() {
  const pathname = usePathname();
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-border bg-surface">
      <div className="flex h-12 items-center gap-2 px-4">
        <span aria-hidden className="flex size-6 items-center justify-center rounded-md bg-primary text-[12px] font-bold text-primary-foreground">
          h
        </span>
        <span className="text-[14px] font-semibold tracking-tight">hasteCRM</span>
      </div>
      <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 px-2 py-2">
        {mainNav.map((item) => (
          <NavLink key={item.href} item={item} pathname={pathname} />
        ))}
      </nav>
      <nav aria-label="Workspace" className="flex flex-col gap-0.5 border-t border-border px-2 py-2">
        {footerNav.map((item) => (
          <NavLink key={item.href} item={item} pathname={pathname} />
        ))}
      </nav>
    </aside>
  );
}

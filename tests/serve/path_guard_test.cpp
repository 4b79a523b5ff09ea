// Nothing outside OUTDIR: dot segments, percent-encoded dots, dot files and symlinks leading out.

#include "http_client.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/serve/server.hpp"

#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using stationmap::serve::resolve_inside;
using stationmap::testing::http_raw;

namespace {

struct Tree {
  fs::path base;
  fs::path root;
  Tree() {
    base = fs::temp_directory_path() / ("stationmap_guard_" + std::to_string(::getpid()));
    fs::remove_all(base);
    root = base / "out";
    fs::create_directories(root / "sub");
    stationmap::write_file_atomic(base / "secret.txt", "TOP SECRET");
    stationmap::write_file_atomic(root / "index.html", "<html>map</html>");
    stationmap::write_file_atomic(root / "sub" / "a.txt", "inside");
    stationmap::write_file_atomic(root / ".hidden", "dot file");
    stationmap::write_outdir_marker(root);
    fs::create_symlink(base / "secret.txt", root / "leak.txt");
    fs::create_directory_symlink(base, root / "up");
    fs::create_symlink(root / "sub" / "a.txt", root / "alias.txt");
    root = fs::canonical(root);
  }
  ~Tree() { fs::remove_all(base); }
};

} // namespace

TEST(ServePathGuard, ResolvesOnlyInside) {
  const Tree t;
  EXPECT_EQ(resolve_inside(t.root, "/sub/a.txt"), t.root / "sub" / "a.txt");
  EXPECT_EQ(resolve_inside(t.root, "//sub///a.txt"), t.root / "sub" / "a.txt");
  EXPECT_EQ(resolve_inside(t.root, "/alias.txt"), t.root / "sub" / "a.txt"); // a symlink that stays inside
  EXPECT_FALSE(resolve_inside(t.root, "/../secret.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/sub/../../secret.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/sub/./a.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/.hidden"));
  EXPECT_FALSE(resolve_inside(t.root, "/leak.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/up/secret.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/..\\secret.txt"));
  EXPECT_FALSE(resolve_inside(t.root, std::string("/sub/a.txt\0x", 12)));
  EXPECT_FALSE(resolve_inside(t.root, "sub/a.txt"));
  EXPECT_FALSE(resolve_inside(t.root, "/missing"));
}

TEST(ServePathGuard, ServerRefusesTraversal) {
  const Tree t;
  stationmap::serve::ServeOptions o;
  o.port = 0;
  o.threads = 4;
  o.log = [](const std::string&) {};
  stationmap::serve::Server server(t.root, o);
  const int port = server.bind();
  std::thread th([&] { server.run(); });
  const char* attacks[] = {"/../secret.txt",
                           "/sub/../../secret.txt",
                           "/%2e%2e/secret.txt",
                           "/%2E%2E/%2E%2E/secret.txt",
                           "/sub/%2e%2e%2f%2e%2e%2fsecret.txt",
                           "/..%2fsecret.txt",
                           "/%252e%252e/secret.txt",
                           "/..%5csecret.txt",
                           "/leak.txt",
                           "/up/secret.txt",
                           "/.hidden",
                           "/data/..%2f..%2fsecret",
                           "/tiles/../../secret.txt",
                           "/sub/a.txt%00.html",
                           "/.stationmap"};
  for (const char* target : attacks) {
    const auto r = http_raw(port, std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_GE(r.status, 400) << target;
    EXPECT_LT(r.status, 500) << target;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("dot file"), std::string::npos) << target;
  }
  const auto ok = http_raw(port, "GET /sub/a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "inside");
  server.stop();
  th.join();
}

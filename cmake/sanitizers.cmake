# NATTER_SANITIZE: a comma-separated -fsanitize= list applied to every target of this tree, e.g.
#   cmake -S . -B build-asan -DNATTER_SANITIZE=address,undefined   (what ./scripts/test --sanitize does)
# Undefined behaviour aborts (no recovery), so a finding fails the test that hit it; frame pointers make the
# reports readable. Qt and the system libraries are not instrumented: ASan still sees every heap access of ours,
# and LeakSanitizer sees leaks of memory that our code allocated through them.
set(NATTER_SANITIZE "" CACHE STRING "Sanitizers for every target (e.g. address,undefined); empty for none")
if(NATTER_SANITIZE)
  message(STATUS "Natter: building with -fsanitize=${NATTER_SANITIZE}")
  add_compile_options(-fsanitize=${NATTER_SANITIZE} -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${NATTER_SANITIZE})
  if(NATTER_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
    add_link_options(-fno-sanitize-recover=undefined)
  endif()
endif()

# frozen_string_literal: true

require "test_helper"
require "open3"
require "tmpdir"

# The docs' install line: `gem build` makes flux-pi-sdk-<version>.gem, which installs with no network and no other gem,
# and `require "flux-pi-sdk"` loads it.
class GemTest < Minitest::Test
  ROOT = File.expand_path("../..", __dir__)

  def run_command(*command, **options)
    output, status = Open3.capture2e(*command, **options)
    assert status.success?, "#{command.join(' ')} failed:\n#{output}"
    output
  end

  def test_the_gem_builds_installs_offline_and_loads
    Dir.mktmpdir do |dir|
      gem_file = File.join(dir, "flux-pi-sdk-#{Flux::VERSION}.gem")
      run_command("gem", "build", "flux-pi-sdk.gemspec", "--output", gem_file, chdir: ROOT)
      gems = File.join(dir, "gems")
      run_command({ "GEM_HOME" => gems, "GEM_PATH" => gems }, "gem", "install", "--local", "--no-document", gem_file)

      loaded = run_command({ "GEM_HOME" => gems, "GEM_PATH" => gems, "RUBYOPT" => nil }, Gem.ruby, "-e", <<~RUBY, chdir: dir)
        require "flux-pi-sdk"
        puts Flux::VERSION, $LOADED_FEATURES.grep(/flux-pi-sdk\\.rb\\z/).first
        puts Flux::Client.new("sk_test_x", base_url: "http://localhost:5000").base_url
      RUBY

      version, file, base_url = loaded.lines(chomp: true)
      assert_equal Flux::VERSION, version
      assert file.start_with?(gems), "loaded #{file}, not the installed gem"
      assert_equal "http://localhost:5000", base_url
    end
  end

  def test_the_gem_needs_no_other_gem_and_ships_lib_and_the_readme
    spec = Gem::Specification.load(File.join(ROOT, "flux-pi-sdk.gemspec"))

    assert_empty spec.runtime_dependencies
    assert_equal Gem::Requirement.new(">= 3.1"), spec.required_ruby_version
    assert_includes spec.files, "lib/flux-pi-sdk.rb"
    assert_includes spec.files, "README.md"
    assert_empty spec.files.grep(/\Atest/)
  end
end

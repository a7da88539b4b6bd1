#pragma once

/// A container read backwards in a range-for: `for (const T &t : reversed(list))`.
/// (std::views::reverse does the same, but clang-tidy 14's parser cannot
/// read libstdc++ 12's ranges.)
template <typename Container> class Reversed {
public:
    explicit Reversed(const Container &container)
        : m_container(container)
    { }
    auto begin() const { return m_container.crbegin(); }
    auto end() const { return m_container.crend(); }

private:
    const Container &m_container;
};

template <typename Container> Reversed<Container> reversed(const Container &container)
{
    return Reversed<Container>(container);
}
